# Writes acr.pc for the prefix being installed into; run by `cmake --install`
# (see install(CODE) in CMakeLists.txt), where CMAKE_INSTALL_PREFIX is the prefix
# in force, --prefix included. Inputs: ACR_PC_TEMPLATE, ACR_PC_OUTPUT,
# ACR_PC_LIBDIR, ACR_PC_INCLUDEDIR (relative to the prefix, or absolute),
# ACR_PC_VERSION, ACR_PC_DESCRIPTION.
set(ACR_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
foreach(_dir ACR_PC_LIBDIR ACR_PC_INCLUDEDIR)
  if(NOT IS_ABSOLUTE "${${_dir}}")
    set(${_dir} "\${prefix}/${${_dir}}")
  endif()
endforeach()
configure_file("${ACR_PC_TEMPLATE}" "${ACR_PC_OUTPUT}" @ONLY)
