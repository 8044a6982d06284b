# The symbols libacr.so exports, checked (ctest -L install):
#   cmake -DNM=nm -DLIBRARY=libacr.so [-DREADELF=readelf -DSONAME=libacr.so.1]
#         "-DHEADERS=a.h;b.h" -P check_exports.cmake
# - every defined dynamic symbol starts with acr_ or ACR_;
# - every function and object the public HEADERS declare at file scope is marked
#   ACR_API and is exported;
# - a few entry points are there, and the engine's internal acr_ helpers are not;
# - the SONAME is SONAME (when READELF is given).
cmake_minimum_required(VERSION 3.18)

foreach(_var NM LIBRARY HEADERS)
  if(NOT ${_var})
    message(FATAL_ERROR "check_exports.cmake: -D${_var}=... is required")
  endif()
endforeach()

execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY}
                OUTPUT_VARIABLE _nm RESULT_VARIABLE _status ERROR_VARIABLE _nm_err)
if(NOT _status EQUAL 0)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed: ${_nm_err}")
endif()
string(REPLACE "\n" ";" _lines "${_nm}")
set(_exported)
set(_foreign)
foreach(_line IN LISTS _lines)
  # "0000000000012340 T acr_update", possibly with a version ("acr_update@@V").
  if(_line MATCHES "^[0-9a-fA-F]* *[A-Za-z] ([^ @]+)")
    set(_name ${CMAKE_MATCH_1})
    list(APPEND _exported ${_name})
    if(NOT _name MATCHES "^(acr|ACR)_")
      list(APPEND _foreign "${_line}")
    endif()
  endif()
endforeach()
list(LENGTH _exported _count)
message(STATUS "${LIBRARY} exports ${_count} symbols")

set(_problems)
if(_foreign)
  list(JOIN _foreign "\n  " _text)
  list(APPEND _problems "exported symbols without the acr_/ACR_ prefix:\n  ${_text}")
endif()

# File-scope declarations of the public headers: function prototypes and extern
# objects start in column 0 (comments and struct members do not).
set(_declared)
foreach(_header IN LISTS HEADERS)
  file(STRINGS ${_header} _header_lines)
  get_filename_component(_header_name ${_header} NAME)
  foreach(_line IN LISTS _header_lines)
    if(_line MATCHES "^(typedef|#|static|struct|union|enum|extern \"C\")")
      continue()
    endif()
    if(_line MATCHES "^[A-Za-z_][A-Za-z0-9_ *]*[ *](acr_[A-Za-z0-9_]+) *[(;]")
      set(_name ${CMAKE_MATCH_1})
      list(APPEND _declared ${_name})
      if(NOT _line MATCHES "^ACR_API ")
        list(APPEND _problems "${_header_name}: ${_name} is declared without ACR_API, so libacr.so hides it")
      endif()
    endif()
  endforeach()
endforeach()
list(LENGTH _declared _declared_count)
message(STATUS "the public headers declare ${_declared_count} functions and objects")
if(_declared_count LESS 20)
  list(APPEND _problems "only ${_declared_count} declarations found in the headers: is HEADERS right?")
endif()

set(_expected
  acr_update acr_stop acr_update_operation acr_stop_operation
  acr_update_request_type acr_update_request_validate acr_update_request_to_json
  acr_stop_response_parse acr_stop_response_free acr_mode_parse acr_mode_name
  acr_client_new acr_client_free acr_call acr_error_clear acr_status_name
  acr_validate acr_serialize acr_to_json acr_parse acr_parser_new acr_parser_feed
  acr_parser_finish acr_parser_free acr_free_value
  acr_set_allocator acr_malloc acr_realloc acr_free acr_version
  acr_files_of_stop acr_files_of_query acr_files_next acr_file_kind_of acr_file_kind_name)
list(APPEND _expected ${_declared})
list(REMOVE_DUPLICATES _expected)
foreach(_name IN LISTS _expected)
  if(NOT _name IN_LIST _exported)
    list(APPEND _problems "${_name} is not exported")
  endif()
endforeach()

# Helpers of the engine (runtime/src/internal.h, url.h): acr_-named, not public.
foreach(_name acr_error_set acr_error_add_violation acr_path_push_key acr_utf8_length
              acr_number_to_int64 acr_url_build acr_field_present acr_yajl_alloc_funcs)
  if(_name IN_LIST _exported)
    list(APPEND _problems "${_name} is internal but exported")
  endif()
endforeach()

if(READELF AND SONAME)
  execute_process(COMMAND ${READELF} -d ${LIBRARY} OUTPUT_VARIABLE _dynamic RESULT_VARIABLE _status)
  if(NOT _status EQUAL 0 OR NOT _dynamic MATCHES "\\(SONAME\\)[^\n]*\\[([^]]*)\\]")
    list(APPEND _problems "no SONAME in ${LIBRARY}")
  elseif(NOT CMAKE_MATCH_1 STREQUAL SONAME)
    list(APPEND _problems "SONAME is ${CMAKE_MATCH_1}, expected ${SONAME}")
  else()
    message(STATUS "SONAME ${CMAKE_MATCH_1}")
  endif()
endif()

if(_problems)
  list(JOIN _problems "\n" _text)
  message(FATAL_ERROR "${_text}")
endif()
message(STATUS "ok: every exported symbol is acr_/ACR_, and every public declaration is exported")
