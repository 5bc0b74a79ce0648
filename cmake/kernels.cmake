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

# actent_add_isa(<isa> <flags...> [ONLY <stem>...] [LINK <target>...]): an object
# library with the ISA's flags, linked into actent_kernels, and ACT_HAVE_<ISA>
# for the registry. ONLY names the files a folder holds when it reuses another
# table's entries (kernels/<isa>/<stem>_<isa>.c; its table file says why);
# LINK adds the libraries its kernels call.
function(actent_add_isa isa)
  cmake_parse_arguments(PARSE_ARGV 1 A "" "" "ONLY;LINK")
  set(flags ${A_UNPARSED_ARGUMENTS})
  if(A_ONLY)
    set(files)
    foreach(stem IN LISTS A_ONLY)
      list(APPEND files kernels/${isa}/${stem}_${isa}.c)
    endforeach()
  else()
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
  endif()
  add_library(actent_kernels_${isa} OBJECT ${files})
  target_compile_options(actent_kernels_${isa} PRIVATE ${flags})
  target_include_directories(actent_kernels_${isa} PRIVATE kernels)
  if(A_LINK)
    target_link_libraries(actent_kernels_${isa} PRIVATE ${A_LINK})
    target_link_libraries(actent_kernels PUBLIC ${A_LINK})
  endif()
  target_sources(actent_kernels PRIVATE $<TARGET_OBJECTS:actent_kernels_${isa}>)
  string(TOUPPER ${isa} ISA)
  target_compile_definitions(actent_kernels PRIVATE ACT_HAVE_${ISA})
  message(STATUS "kernel table: ${isa} (${flags})")
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
    # the SLEEF-built table reuses the NEON table's exact ops and histograms
    if(TARGET PkgConfig::SLEEF)
      actent_add_isa(neon_sleef ONLY sigmoid tanh softsign softplus selu elu table
                     LINK PkgConfig::SLEEF)
    else()
      message(STATUS "kernel table: neon_sleef skipped (SLEEF not found)")
    endif()
  endif()
endif()
