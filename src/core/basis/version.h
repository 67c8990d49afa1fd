/* version.h -- the version of doorbraak (semantic versioning). */
#ifndef DOORBRAAK_VERSION_H
#define DOORBRAAK_VERSION_H
#define DOORBRAAK_VERSION "0.1.0"
#endif
