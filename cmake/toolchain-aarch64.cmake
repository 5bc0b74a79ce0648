# toolchain-aarch64.cmake - cross build for aarch64-linux-gnu on a Debian x86-64 host.
#
#   cmake -S . -B build-aarch64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake
#
# Compilers: Debian's gcc-aarch64-linux-gnu. Libraries: the :arm64 packages
# (dpkg --add-architecture arm64; libsleef-dev:arm64 libcmocka-dev:arm64
# libbenchmark-dev:arm64), installed in the multiarch paths /usr/lib/aarch64-linux-gnu
# and /usr/include/aarch64-linux-gnu, which the cross compiler already searches.
# Tests run under qemu-user: ctest prefixes every test command with the emulator.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(ACTENT_TRIPLET aarch64-linux-gnu)

set(CMAKE_C_COMPILER ${ACTENT_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${ACTENT_TRIPLET}-g++)

# pkg-config must see only the arm64 .pc files: with its default path it
# finds the amd64 ones first and CMake would link x86 libraries silently.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/${ACTENT_TRIPLET}/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# find_library/find_path: the arm64 multiarch directories and the cross
# toolchain's own tree, never the host's programs' libraries
set(CMAKE_LIBRARY_ARCHITECTURE ${ACTENT_TRIPLET})
set(CMAKE_FIND_ROOT_PATH /usr/${ACTENT_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# ctest runs the cross-built tests under emulation; the emulated CPU comes
# from QEMU_CPU in the environment (cortex-a72, max, ...). -L is where the
# arm64 dynamic loader and libc of the cross toolchain live.
find_program(ACTENT_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(ACTENT_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${ACTENT_QEMU_AARCH64} -L /usr/${ACTENT_TRIPLET})
endif()
