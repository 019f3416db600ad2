# Writes the schema migrations as a C++ initializer list: {version, "sql"}, ... in file order.
# File names start with their version number: 0001_initial.sql.
# The folder is passed rather than the list, which a command line would split.
file(GLOB FILES ${DIR}/*.sql)
list(SORT FILES)
set(content "// Generated from adapters/sqlite/schema/*.sql by cmake/embed_migrations.cmake.\n")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  string(REGEX MATCH "^[0-9]+" version ${name})
  math(EXPR version "${version}")
  file(READ ${f} sql)
  string(APPEND content "{${version}, \"${name}\", R\"ehcpsql(${sql})ehcpsql\"},\n")
endforeach()
file(WRITE ${OUT} "${content}")
