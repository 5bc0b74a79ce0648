#ifndef ACTENT_VERSION_H
#define ACTENT_VERSION_H
#define ACTENT_VERSION "0.1.0"
#endif
