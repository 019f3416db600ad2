# The version every build reports (`ehcp --version`, the reports' footers): project()'s version,
# plus `git describe` of the checkout when there is one at configure time. A tarball without
# .git, or a machine without git, gets the project() version alone.
set(EHCP_VERSION_STRING "${PROJECT_VERSION}")
if(EXISTS "${PROJECT_SOURCE_DIR}/.git")
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(COMMAND "${GIT_EXECUTABLE}" describe --tags --always
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                    OUTPUT_VARIABLE EHCP_GIT_DESCRIBE OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE EHCP_GIT_RESULT ERROR_QUIET)
    if(EHCP_GIT_RESULT EQUAL 0 AND NOT EHCP_GIT_DESCRIBE STREQUAL "")
      set(EHCP_VERSION_STRING "${PROJECT_VERSION} (${EHCP_GIT_DESCRIBE})")
    endif()
  endif()
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/version.h.in"
               "${PROJECT_BINARY_DIR}/generated/ehcp/version.h" @ONLY)
add_library(ehcp_version INTERFACE)
target_include_directories(ehcp_version INTERFACE "${PROJECT_BINARY_DIR}/generated")
