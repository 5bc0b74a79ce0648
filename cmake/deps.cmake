# Dependencies, found the CMake way; a missing one stops configure and names
# the Debian package that provides it (scripts/setup installs them all).
find_package(PkgConfig QUIET)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config'")
endif()

function(actent_require_pkg prefix module debian)
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${module})
  if(NOT ${prefix}_FOUND)
    message(FATAL_ERROR "${module} not found by pkg-config: install the Debian package '${debian}'"
                        " (or run scripts/setup)")
  endif()
  message(STATUS "found ${module} ${${prefix}_VERSION}")
endfunction()

actent_require_pkg(SLEEF sleef libsleef-dev)
if(ACTENT_TESTS)
  actent_require_pkg(CMOCKA cmocka libcmocka-dev)
endif()
