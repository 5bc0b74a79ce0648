# exact_no_fma.cmake - the exact activations' array kernels hold no fused
# multiply-add: the reference rounds 0.2f * x before adding 0.5f, and an FMA
# (which -ffp-contract=off keeps the compiler from forming) would not. Only
# act_<op>_<isa> itself is read: a fused pass in the same file may use an FMA
# for its bin estimate, which is not the activation.
#   cmake -DOBJDUMP=<objdump> -DOBJECTS=<'|'-separated object files> -P exact_no_fma.cmake
string(REPLACE "|" ";" objects "${OBJECTS}")
set(checked 0)
foreach(obj IN LISTS objects)
  if(NOT obj MATCHES "/((relu|relu6|leaky_relu|hard_sigmoid|linear)_[a-z0-9]+)\\.c\\.o(bj)?$")
    continue()
  endif()
  set(fn act_${CMAKE_MATCH_1})
  execute_process(COMMAND ${OBJDUMP} -d --disassemble=${fn} ${obj} RESULT_VARIABLE rc
                  OUTPUT_VARIABLE asm ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${OBJDUMP} -d --disassemble=${fn} ${obj} failed: ${err}")
  endif()
  # instruction lines are "  address:\tbytes\tmnemonic ..."
  string(REGEX MATCHALL "\n +[0-9a-f]+:\t" lines "${asm}")
  list(LENGTH lines n)
  if(n EQUAL 0)
    message(FATAL_ERROR "${obj}: no code for ${fn}")
  endif()
  # aarch64 fmla/fmls/fmadd/fmsub/fnmadd/fnmsub, x86 vfmadd/vfmsub/vfnmadd/vfnmsub
  string(REGEX MATCHALL "[ \t](fn?m(la|ls|add|sub)|vfn?m(add|sub)[a-z0-9]*)[ \t][^\n]*" fused "${asm}")
  if(fused)
    list(GET fused 0 first)
    message(FATAL_ERROR "${obj}: fused multiply-add in ${fn}:${first}")
  endif()
  math(EXPR checked "${checked} + 1")
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "no exact-kernel object files among: ${OBJECTS}")
endif()
message("${checked} exact array kernels, no fused multiply-add")
