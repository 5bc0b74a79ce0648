# The library as users get it: libactent.so (SONAME libactent.so.0, exporting
# only the actent_* functions of include/actent.h) and libactent.a (every
# layer in one archive), installed with the header, the program, a pkg-config
# file and a CMake package (find_package(actent) -> actent::actent).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ACTENT_LAYERS actent_api actent_out actent_npy actent_verify actent_core actent_kernels)

# the shared library: the API's objects, the rest pulled from the layers as needed
add_library(actent_shared SHARED ${ACTENT_API_SOURCES})
target_compile_definitions(actent_shared PRIVATE ACTENT_VERSION="${PROJECT_VERSION}")
target_link_libraries(actent_shared PRIVATE actent_out)
target_include_directories(actent_shared PUBLIC $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>
                                         $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
set_target_properties(actent_shared PROPERTIES VERSION ${PROJECT_VERSION} SOVERSION
  ${PROJECT_VERSION_MAJOR} OUTPUT_NAME actent EXPORT_NAME actent)
# every symbol resolved at link time: a missing dependency fails here, not in a user's program
# (not in sanitized builds: clang leaves the sanitizer runtime to the executable)
if(NOT ACTENT_SANITIZE AND NOT ACTENT_FUZZ)
  target_link_options(actent_shared PRIVATE "LINKER:--no-undefined")
endif()

# the static library: the layers' archives merged into one (an ar MRI script)
set(mri "${CMAKE_BINARY_DIR}/libactent.mri")
set(mri_text "create ${CMAKE_BINARY_DIR}/libactent.a\n")
foreach(layer IN LISTS ACTENT_LAYERS)
  string(APPEND mri_text "addlib $<TARGET_FILE:${layer}>\n")
endforeach()
string(APPEND mri_text "save\nend\n")
file(GENERATE OUTPUT ${mri} CONTENT "${mri_text}")
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/libactent.a
                   COMMAND ${CMAKE_COMMAND} -E rm -f ${CMAKE_BINARY_DIR}/libactent.a
                   COMMAND ${CMAKE_AR} -M < ${mri}
                   DEPENDS ${ACTENT_LAYERS} ${mri}
                   COMMENT "libactent.a: every layer in one archive")
add_custom_target(actent_static ALL DEPENDS ${CMAKE_BINARY_DIR}/libactent.a)

# what a static link needs besides libactent.a (pkg-config --static, Libs.private)
set(ACTENT_PRIVATE_LIBS "-lm -lpthread")
if(TARGET PkgConfig::SLEEF)
  string(APPEND ACTENT_PRIVATE_LIBS " -lsleef")
endif()
if(ACTENT_LIBMVEC)
  string(APPEND ACTENT_PRIVATE_LIBS " -lmvec")
endif()
# prefix relative to the .pc file: from <libdir>/pkgconfig back up to the prefix
file(RELATIVE_PATH ACTENT_PC_UP ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(cmake/actent.pc.in ${CMAKE_BINARY_DIR}/actent.pc @ONLY)

install(TARGETS actent_shared EXPORT actentTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS actent RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_BINARY_DIR}/libactent.a DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES include/actent.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_BINARY_DIR}/actent.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(EXPORT actentTargets NAMESPACE actent:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/actent)
configure_package_config_file(cmake/actentConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/actentConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/actent)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/actentConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/actentConfig.cmake ${CMAKE_BINARY_DIR}/actentConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/actent)
