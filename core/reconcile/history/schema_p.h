#pragma once

#include "common/result.h"

namespace capstan::history::detail {

class Connection;

// The schema version this build writes.
int currentSchemaVersion();

// Creates the schema in a new database, or migrates an older one step by step,
// in one transaction; refuses a database written by a newer Capstan.
capstan::Result<void> migrate(Connection &connection);

} // namespace capstan::history::detail
