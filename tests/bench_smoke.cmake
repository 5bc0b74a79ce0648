# bench_smoke.cmake - every benchmark family runs once at a tiny size.
#   cmake -DBENCH=<actent-bench> -DOUT=<json> [-DEMU=<emulator>] -P bench_smoke.cmake
# No timing is checked. It fails when the binary fails, when a family has no
# row that ran, or when a row reports anything but an expected skip (a table
# this CPU cannot run, a kernel slot not written yet): a histogram or min/max
# that disagrees with the scalar table is reported as an error by the suite.
# `composed` needs a peer that brings a histogram (none on some architectures):
# it may have no rows at all, but rows it has must run.
execute_process(COMMAND ${EMU} ${BENCH} --smoke --benchmark_min_time=0
                        --benchmark_out=${OUT} --benchmark_out_format=json
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "actent-bench --smoke exited with ${rc}: ${err}")
endif()
file(READ ${OUT} json)
string(JSON nrows LENGTH "${json}" benchmarks)
foreach(family activate minmax histogram unfused fused composed analysis)
  set(ran_${family} 0)
  set(rows_${family} 0)
endforeach()
math(EXPR last "${nrows} - 1")
foreach(i RANGE ${last})
  string(JSON name GET "${json}" benchmarks ${i} name)
  string(REGEX MATCH "^[a-z]+" family "${name}")
  math(EXPR rows_${family} "${rows_${family}} + 1")
  string(JSON failed ERROR_VARIABLE none GET "${json}" benchmarks ${i} error_occurred)
  if(failed STREQUAL "ON" OR failed STREQUAL "true")
    string(JSON why GET "${json}" benchmarks ${i} error_message)
    if(NOT why MATCHES "has no [a-z_0-9]+ kernel|cannot run it")
      message(FATAL_ERROR "${name}: ${why}")
    endif()
  else()
    math(EXPR ran_${family} "${ran_${family}} + 1")
  endif()
endforeach()
foreach(family activate minmax histogram unfused fused composed analysis)
  if(ran_${family} EQUAL 0 AND NOT (family STREQUAL "composed" AND rows_${family} EQUAL 0))
    message(FATAL_ERROR "family ${family}: no benchmark ran (${rows_${family}} rows)")
  endif()
  message(STATUS "${family}: ${ran_${family}} rows ran")
endforeach()
