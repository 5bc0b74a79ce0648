# toolchain-aarch64.cmake - cross build for aarch64-linux-gnu on a Debian x86-64 host.
#
#   cmake -S . -B build-aarch64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake
#
# Compilers: Debian's gcc-aarch64-linux-gnu. Libraries: the :arm64 packages
# (dpkg --add-architecture arm64; libc6:arm64 libsleef-dev:arm64
# libcmocka-dev:arm64 libbenchmark-dev:arm64), installed in the multiarch paths
# /usr/lib/aarch64-linux-gnu and /usr/include/aarch64-linux-gnu, which the
# cross compiler already searches. scripts/setup cross installs them all.
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
# from QEMU_CPU in the environment (cortex-a72, max, ...). The programs load
# the dynamic loader and libc of libc6:arm64 (multiarch, /lib/aarch64-linux-gnu),
# the same package as the other :arm64 libraries: `-L /`. The cross
# toolchain's own copy (-L /usr/aarch64-linux-gnu) lags Debian's libc6 by a
# point release, and its loader with the newer libc.so.6 hangs in
# pthread_create; single-threaded programs hide the mismatch.
find_program(ACTENT_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(ACTENT_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${ACTENT_QEMU_AARCH64} -L /)
endif()
