# The kernel tables. Scalar everywhere; each ISA folder has the same file
# list (a missing kernel is a missing file) and is compiled with its own
# target flags, so the rest of the binary stays baseline for its architecture.
# The activations come from kernels/act_list.h, the one list: ACTENT_OPS every
# op in the notebook's order, ACTENT_INEXACT_OPS those with exact = 0 (the
# ones a SLEEF-built table implements itself).
file(READ ${CMAKE_SOURCE_DIR}/kernels/act_list.h act_text)
string(REGEX MATCHALL "X\\([A-Z0-9_]+, *[a-z0-9_]+, *[01]\\)" act_entries "${act_text}")
set(ACTENT_OPS)
set(ACTENT_INEXACT_OPS)
foreach(entry IN LISTS act_entries)
  string(REGEX MATCH "X\\(([A-Z0-9_]+), *([a-z0-9_]+), *([01])\\)" _ "${entry}")
  list(APPEND ACTENT_OPS ${CMAKE_MATCH_2})
  if(CMAKE_MATCH_3 STREQUAL "0")
    list(APPEND ACTENT_INEXACT_OPS ${CMAKE_MATCH_2})
  endif()
endforeach()
if(NOT ACTENT_OPS)
  message(FATAL_ERROR "kernels/act_list.h: no X(ENUM, name, exact) entries found")
endif()
set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${CMAKE_SOURCE_DIR}/kernels/act_list.h)

# actent_isa_sources(<out-var> <isa>): kernels/<isa>/<op>_<isa>.c for every op,
# plus the histogram, min/max and table files, plus any other .c in the folder.
function(actent_isa_sources out isa)
  set(files kernels/${isa}/histogram_${isa}.c kernels/${isa}/minmax_${isa}.c
            kernels/${isa}/table_${isa}.c kernels/${isa}/kde_${isa}.c)
  foreach(op IN LISTS ACTENT_OPS)
    list(APPEND files kernels/${isa}/${op}_${isa}.c)
  endforeach()
  # and whatever machinery of its own the folder holds (kernels/avx2/bins_avx2.c)
  file(GLOB own RELATIVE ${CMAKE_SOURCE_DIR} CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/kernels/${isa}/*.c)
  list(APPEND files ${own})
  list(REMOVE_DUPLICATES files)
  set(${out} ${files} PARENT_SCOPE)
endfunction()

# every table is complete: a missing kernel file stops configure, naming it,
# rather than leaving an empty slot (or a link error) for later
function(actent_require_files isa)
  foreach(f IN LISTS ARGN)
    if(NOT EXISTS ${CMAKE_SOURCE_DIR}/${f})
      message(FATAL_ERROR "kernel table ${isa}: ${f} is missing (every table has every kernel; "
                          "README.md, 'Adding an activation')")
    endif()
  endforeach()
endfunction()

actent_isa_sources(scalar_sources scalar)
actent_require_files(scalar ${scalar_sources})
add_library(actent_kernels STATIC kernels/registry.c kernels/cpu.c kernels/clock.c
                                  ${scalar_sources})
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
  endif()
  actent_require_files(${isa} ${files})
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
  # what each table was compiled with, for the benchmark's context
  string(REPLACE ";" " " flag_text "${flags}")
  set_property(GLOBAL APPEND PROPERTY ACTENT_TABLE_FLAGS "${isa}: ${flag_text}")
  message(STATUS "kernel table: ${isa} (${flag_text})")
endfunction()

# GCC schedules instructions before register allocation only when asked
# (-fschedule-insns); with -fsched-pressure it keeps the deep four-vector maps
# from spilling. Clang always schedules and knows neither flag.
set(ACTENT_SCHED_FLAGS)
if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
  set(ACTENT_SCHED_FLAGS -fschedule-insns -fsched-pressure)
endif()

if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  # AVX-512 F/DQ/BW/VL + FMA: chosen first where CPUID and XGETBV allow (kernels/cpu.c).
  # qemu-user cannot run it: its tests run natively and skip on CPUs without it.
  option(ACTENT_AVX512 "build the AVX-512 kernel table" ON)
  if(ACTENT_AVX512)
    actent_add_isa(avx512 -mavx512f -mavx512dq -mavx512bw -mavx512vl -mavx2 -mfma ${ACTENT_SCHED_FLAGS})
  endif()
  option(ACTENT_AVX2 "build the AVX2+FMA kernel table" ON)
  if(ACTENT_AVX2)
    actent_add_isa(avx2 -mavx2 -mfma ${ACTENT_SCHED_FLAGS})
    # the SLEEF-built table reuses the AVX2 table's exact ops and histograms
    # (SLEEF is required: cmake/deps.cmake stops configure without it)
    actent_add_isa(avx2_sleef -mavx2 -mfma ONLY ${ACTENT_INEXACT_OPS} table LINK PkgConfig::SLEEF)
  endif()
endif()

# Peers with AVX2 code of their own (kernels/avx2_peers/): glibc's libmvec
# activations and the plain AVX2 histogram. They are measured, never
# dispatched, and complete on their own, so they are built on every x86-64
# build whether or not the AVX2 table is.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  option(ACTENT_AVX2_PEERS "build the AVX2 peers (libmvec, plain histogram) for the benchmarks" ON)
  if(ACTENT_AVX2_PEERS)
    find_library(ACTENT_LIBMVEC mvec)
    if(NOT ACTENT_LIBMVEC)
      message(FATAL_ERROR "glibc's libmvec not found: install the Debian package 'libc6-dev'"
                          " (or configure with -DACTENT_AVX2_PEERS=OFF)")
    endif()
    add_library(actent_kernels_avx2_peers OBJECT kernels/avx2_peers/libmvec_avx2.c
                                                 kernels/avx2_peers/plain_avx2.c)
    target_compile_options(actent_kernels_avx2_peers PRIVATE -mavx2 -mfma)
    target_include_directories(actent_kernels_avx2_peers PRIVATE kernels)
    target_sources(actent_kernels PRIVATE $<TARGET_OBJECTS:actent_kernels_avx2_peers>)
    target_compile_definitions(actent_kernels PRIVATE ACT_HAVE_AVX2_PEERS)
    target_link_libraries(actent_kernels PUBLIC ${ACTENT_LIBMVEC})
    set_property(GLOBAL APPEND PROPERTY ACTENT_TABLE_FLAGS "avx2_peers: -mavx2 -mfma")
    message(STATUS "peers: libmvec-avx2 (${ACTENT_LIBMVEC}), plain-avx2 (-mavx2 -mfma)")
  endif()
endif()

if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
  # Advanced SIMD is part of baseline AArch64: no target flags needed
  option(ACTENT_NEON "build the NEON kernel table" ON)
  if(ACTENT_NEON)
    actent_add_isa(neon)
    # the SLEEF-built table reuses the NEON table's exact ops and histograms
    actent_add_isa(neon_sleef ONLY ${ACTENT_INEXACT_OPS} table LINK PkgConfig::SLEEF)
  endif()
endif()
