/* File: mynumber_c/export.h — symbol visibility for the mynumber C ABI.
 * MN_API marks every public function. The shared library is built with hidden visibility, so only
 * functions marked here leave libmynumber_c.so. Define MN_STATIC when linking the static library
 * on Windows (elsewhere it makes no difference). */
#ifndef MYNUMBER_C_EXPORT_H
#define MYNUMBER_C_EXPORT_H

#if defined(_WIN32) && !defined(MN_STATIC)
#if defined(MN_BUILDING_LIBRARY)
#define MN_API __declspec(dllexport)
#else
#define MN_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define MN_API __attribute__((visibility("default")))
#else
#define MN_API
#endif

#endif /* MYNUMBER_C_EXPORT_H */
