/** @file
 * acr: version numbers of the runtime and of the table format it reads.
 *
 * ACR_VERSION_* is the one place the version is written: CMakeLists.txt reads it
 * from here for project(VERSION), the shared library's VERSION, acr.pc and
 * acrConfigVersion.cmake. */
#ifndef ACR_VERSION_H
#define ACR_VERSION_H

#include "acr/export.h"

#define ACR_VERSION_MAJOR 0
#define ACR_VERSION_MINOR 3
#define ACR_VERSION_PATCH 1
#define ACR_VERSION_STRING "0.3.1"

/** Generated code checks this at compile time (an \#error on mismatch): it is bumped
 * whenever the layout of the descriptor tables in acr/tables.h changes, so a
 * generated file can never be compiled against a runtime that reads its tables
 * differently. */
#define ACR_TABLES_VERSION 3

#ifdef __cplusplus
extern "C" {
#endif

/** The version of the library actually running ("0.3.1"), which may differ from
 * the ACR_VERSION_STRING a program was compiled with when it links libacr.so.
 * A static string, never NULL. */
ACR_API const char *acr_version(void);

#ifdef __cplusplus
}
#endif

#endif
