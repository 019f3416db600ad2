# Two ways to compile the same sources in less time, both off by default and both on in CI
# (scripts/test.sh), which builds everything twice from nothing on two cores:
#
# EHCP_UNITY  compiles a library's or the binary's files eight to a translation unit (CMake's
#             unity build). The heavy header-only libraries (CLI11, nlohmann-json, SQLiteCpp) are
#             then parsed and their inline functions compiled once per batch, not once per file:
#             the cli's thirty files cost a seventh of their time. The files of one target then
#             share anonymous namespaces, so two files may not both define a helper of the same
#             name there (a clash fails the CI build: rename one, or list the file in its
#             target's EHCP_UNITY_ALONE). Off locally, where a unity batch would recompile eight
#             files for a change to one.
# EHCP_PCH    precompiles the headers the workflows' files and most test binaries' files all
#             include (Boost.Statechart; Catch2 and the libraries), so each file stops parsing
#             them again. It gains at -O2; under the sanitizers code generation dominates and it
#             gains little. With ccache, set
#             CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
#             (ccache's manual, "Precompiled headers"), or leave it off: ccache already saves more.
option(EHCP_UNITY "Unity build of the libraries and the binary (CI)" OFF)
option(EHCP_PCH "Precompiled headers for the test binaries (CI)" OFF)

# ehcp_unity(TARGET [ALONE file...]): TARGET in unity batches under EHCP_UNITY; the ALONE files
# (relative to the calling folder) keep a translation unit of their own.
function(ehcp_unity target)
  cmake_parse_arguments(ARG "" "" "ALONE" ${ARGN})
  if(NOT EHCP_UNITY)
    return()
  endif()
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  foreach(file IN LISTS ARG_ALONE)
    set_source_files_properties(${file} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endforeach()
endfunction()

# ehcp_precompile(TARGET header...): under EHCP_PCH, TARGET's files are compiled with these
# headers precompiled.
function(ehcp_precompile target)
  if(EHCP_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
