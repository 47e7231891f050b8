#ifndef EMULATOR_HTTP_ERROR_RESPONSE_H_
#define EMULATOR_HTTP_ERROR_RESPONSE_H_

#include <string>

#include "domain/error.h"

namespace emulator::http {

// The HTTP status for an error code; the only place where that mapping lives.
int StatusFor(domain::ErrorCode code);

// The JSON body of an error: {"detail": <message or validation items>}.
std::string ErrorBody(const domain::Error& error);

// A body for an error status the HTTP library produced itself (no route,
// malformed request, body too large, URI too long).
std::string LibraryErrorBody(int status);

}  // namespace emulator::http

#endif  // EMULATOR_HTTP_ERROR_RESPONSE_H_
