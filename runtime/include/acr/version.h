/* acr: version numbers of the runtime and of the table format it reads. */
#ifndef ACR_VERSION_H
#define ACR_VERSION_H

#define ACR_VERSION_MAJOR 0
#define ACR_VERSION_MINOR 1
#define ACR_VERSION_PATCH 0
#define ACR_VERSION_STRING "0.1.0"

/* Generated code checks this at compile time (#error on mismatch): it is bumped
 * whenever the layout of the descriptor tables in acr/tables.h changes, so a
 * generated file can never be compiled against a runtime that reads its tables
 * differently. */
#define ACR_TABLES_VERSION 1

#endif
