# exact_no_fma.cmake - the exact activations' object files hold no fused
# multiply-add: the reference rounds 0.2f * x before adding 0.5f, and an FMA
# (which -ffp-contract=off keeps the compiler from forming) would not.
#   cmake -DOBJDUMP=<objdump> -DOBJECTS=<'|'-separated object files> -P exact_no_fma.cmake
string(REPLACE "|" ";" objects "${OBJECTS}")
set(checked 0)
foreach(obj IN LISTS objects)
  if(NOT obj MATCHES "/(relu|relu6|leaky_relu|hard_sigmoid|linear)_[a-z0-9]+\\.c\\.o(bj)?$")
    continue()
  endif()
  execute_process(COMMAND ${OBJDUMP} -d ${obj} RESULT_VARIABLE rc OUTPUT_VARIABLE asm
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${OBJDUMP} -d ${obj} failed: ${err}")
  endif()
  # aarch64 fmla/fmls/fmadd/fmsub/fnmadd/fnmsub, x86 vfmadd/vfmsub/vfnmadd/vfnmsub
  string(REGEX MATCHALL "[ \t](fn?m(la|ls|add|sub)|vfn?m(add|sub)[a-z0-9]*)[ \t][^\n]*" fused "${asm}")
  if(fused)
    list(GET fused 0 first)
    message(FATAL_ERROR "${obj}: fused multiply-add in an exact kernel:${first}")
  endif()
  math(EXPR checked "${checked} + 1")
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "no exact-kernel object files among: ${OBJECTS}")
endif()
message("${checked} exact-kernel object files, no fused multiply-add")
