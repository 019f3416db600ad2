# Writes the text of IN as a C++ raw string literal to OUT, for data compiled into the binary.
file(READ ${IN} text)
file(WRITE ${OUT} "// Generated from ${IN} by cmake/embed_text.cmake.\nR\"ehcptext(${text})ehcptext\"\n")
