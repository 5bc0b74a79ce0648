# The kernel tables. Scalar everywhere; each ISA folder has the same file
# list (a missing kernel is a missing file) and is compiled with its own
# target flags, so the rest of the binary stays baseline for its architecture.
set(ACTENT_OPS sigmoid tanh relu softsign softplus hard_sigmoid selu relu6 elu leaky_relu linear)

# actent_isa_sources(<out-var> <isa>): kernels/<isa>/<op>_<isa>.c for every op,
# plus the histogram, min/max and table files.
function(actent_isa_sources out isa)
  set(files kernels/${isa}/histogram_${isa}.c kernels/${isa}/minmax_${isa}.c
            kernels/${isa}/table_${isa}.c)
  foreach(op IN LISTS ACTENT_OPS)
    list(APPEND files kernels/${isa}/${op}_${isa}.c)
  endforeach()
  set(${out} ${files} PARENT_SCOPE)
endfunction()

actent_isa_sources(scalar_sources scalar)
add_library(actent_kernels STATIC kernels/registry.c kernels/cpu.c ${scalar_sources})
target_include_directories(actent_kernels PUBLIC kernels)
target_link_libraries(actent_kernels PUBLIC m)

# actent_add_isa(<isa> <flags...>): an object library with the ISA's flags,
# linked into actent_kernels, and ACT_HAVE_<ISA> for the registry.
function(actent_add_isa isa)
  actent_isa_sources(files ${isa})
  # while a table is being written, only its existing files are built; the
  # table test fails on every empty slot, so an incomplete table cannot pass
  set(present)
  foreach(f IN LISTS files)
    if(EXISTS ${CMAKE_SOURCE_DIR}/${f})
      list(APPEND present ${f})
    endif()
  endforeach()
  set(files ${present})
  add_library(actent_kernels_${isa} OBJECT ${files})
  target_compile_options(actent_kernels_${isa} PRIVATE ${ARGN})
  target_include_directories(actent_kernels_${isa} PRIVATE kernels)
  target_sources(actent_kernels PRIVATE $<TARGET_OBJECTS:actent_kernels_${isa}>)
  string(TOUPPER ${isa} ISA)
  target_compile_definitions(actent_kernels PRIVATE ACT_HAVE_${ISA})
  message(STATUS "kernel table: ${isa} (${ARGN})")
endfunction()

if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  option(ACTENT_AVX2 "build the AVX2+FMA kernel table" OFF)
  if(ACTENT_AVX2)
    actent_add_isa(avx2 -mavx2 -mfma)
  endif()
endif()

if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
  # Advanced SIMD is part of baseline AArch64: no target flags needed
  option(ACTENT_NEON "build the NEON kernel table" ON)
  if(ACTENT_NEON)
    actent_add_isa(neon)
  endif()
endif()
