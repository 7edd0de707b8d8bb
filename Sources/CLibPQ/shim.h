// PostgreSQL's own client library (Debian: libpq-dev), for BorderPostgres only.
#include <postgresql/libpq-fe.h>
