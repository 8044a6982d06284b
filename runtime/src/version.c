/* acr runtime: the version of the library that is running. */
#include "acr/version.h"

const char *acr_version(void)
{
    return ACR_VERSION_STRING;
}
