# git_rev.cmake - writes OUT with the source tree's revision, at build time
# and only when it changed: cmake -DSRC=<dir> -DOUT=<file> -P git_rev.cmake
execute_process(COMMAND git -C "${SRC}" rev-parse HEAD OUTPUT_VARIABLE rev
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR rev STREQUAL "")
  set(rev "unknown (not a git checkout)")
else()
  # results/ holds what runs write, not code: a second run over a folder the
  # first one rewrote is still that commit's code
  execute_process(COMMAND git -C "${SRC}" status --porcelain --untracked-files=no -- .
                          ":(exclude)results"
                  OUTPUT_VARIABLE changes ERROR_QUIET)
  if(NOT changes STREQUAL "")
    string(APPEND rev " with uncommitted changes")
  endif()
endif()
set(text "#define ACTENT_BENCH_GIT \"${rev}\"\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
