# cross_isa.cmake - the cross-ISA comparison: each side writes its scalar
# outputs and checks the other's (tests/cross_isa.c says what must match).
#   cmake -DHOST=<native cross_isa> -DTARGET=<cross_isa of this build>
#         -DEMULATOR=<emulator command, '|'-separated, or empty> -DDIR=<scratch dir>
#         -P cross_isa.cmake
string(REPLACE "|" ";" emulator "${EMULATOR}")
file(MAKE_DIRECTORY ${DIR})

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${what}\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what}: exit status ${rc}")
  endif()
endfunction()

run("host writes" ${HOST} write ${DIR}/host.bin)
run("target writes" ${emulator} ${TARGET} write ${DIR}/target.bin)
run("target checks the host's outputs" ${emulator} ${TARGET} check ${DIR}/host.bin)
run("host checks the target's outputs" ${HOST} check ${DIR}/target.bin)
file(REMOVE ${DIR}/host.bin ${DIR}/target.bin)
