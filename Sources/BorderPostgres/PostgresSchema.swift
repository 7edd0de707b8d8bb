/// The store's tables and functions, version 1. All of bordermon's SQL lives in this module.
enum PostgresSchema {
  /// The schema version this bordermon reads and writes.
  static let version = "1"
  /// The advisory lock that orders writers (per database): "border" in ASCII.
  static let appendLock = "108243150284146"
  /// The channel a committed append notifies, with the new `seq` as payload.
  static let journalChannel = "bordermon_journal"
  /// The channel a replaced reference notifies, with the new version as payload.
  static let referenceChannel = "bordermon_reference"
  /// Whether the connected role may append: EXECUTE on `append_line`, the only way in (the server decides).
  static let mayAppend = "has_function_privilege('bordermon.append_line(bigint, text)', 'EXECUTE')"
  /// The reference files a store holds.
  static let referenceFiles = ["situation.toml", "segments.toml", "checkpoints.toml", "meetings.toml"]

  /// Creates schema version 1 (run in one transaction by `init` and `store push`).
  static let create = """
    CREATE SCHEMA bordermon;
    CREATE TABLE bordermon.meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE bordermon.journal (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      line text NOT NULL,
      at timestamptz NOT NULL,
      author text NOT NULL,
      type text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by text NOT NULL DEFAULT session_user
    );
    CREATE INDEX journal_at ON bordermon.journal (at);
    CREATE TABLE bordermon.reference (
      version integer NOT NULL CHECK (version > 0),
      file text NOT NULL CHECK (file IN ('situation.toml', 'segments.toml', 'checkpoints.toml', 'meetings.toml')),
      body text NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now(),
      loaded_by text NOT NULL DEFAULT session_user,
      PRIMARY KEY (version, file)
    );
    -- Who is acting: the authenticated session user, with the client's address over TCP.
    CREATE FUNCTION bordermon.operator() RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT session_user::text || coalesce('@' || host(inet_client_addr()), '') $$;
    -- The only way a writer appends: under the writers' lock, with the next seq, as itself.
    CREATE FUNCTION bordermon.append_line(p_seq bigint, p_line text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
      event jsonb := p_line::jsonb;
      next bigint;
      author text := bordermon.operator();
    BEGIN
      PERFORM pg_advisory_xact_lock(\(appendLock));
      SELECT coalesce(max(seq), 0) + 1 INTO next FROM bordermon.journal;
      IF p_seq IS DISTINCT FROM next OR (event->>'seq')::bigint IS DISTINCT FROM next THEN
        RAISE EXCEPTION 'seq % is not the next one (%)', p_seq, next USING ERRCODE = 'serialization_failure';
      END IF;
      IF event->>'by' IS DISTINCT FROM author THEN
        RAISE EXCEPTION 'an event appended by % must say "by": "%"', author, author
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      INSERT INTO bordermon.journal (seq, line, at, author, type)
        VALUES (next, p_line, (event->>'at')::timestamptz, author, coalesce(event->>'type', ''));
      PERFORM pg_notify('\(journalChannel)', next::text);
    END $$;
    REVOKE ALL ON FUNCTION bordermon.append_line(bigint, text) FROM PUBLIC;
    INSERT INTO bordermon.meta VALUES ('schema_version', '\(version)'), ('store_id', gen_random_uuid()::text);
    """

  /// The roles a team gives its people (created when the user may; granted when they exist).
  static let grants = """
    DO $$
    BEGIN
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bordermon_reader') THEN
          CREATE ROLE bordermon_reader NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bordermon_writer') THEN
          CREATE ROLE bordermon_writer NOLOGIN IN ROLE bordermon_reader;
        END IF;
      EXCEPTION WHEN OTHERS THEN
        NULL; -- no CREATEROLE, or another init made them at the same moment
      END;
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bordermon_reader') THEN
        GRANT USAGE ON SCHEMA bordermon TO bordermon_reader;
        GRANT SELECT ON bordermon.meta, bordermon.journal, bordermon.reference TO bordermon_reader;
      END IF;
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bordermon_writer') THEN
        GRANT EXECUTE ON FUNCTION bordermon.append_line(bigint, text) TO bordermon_writer;
      END IF;
    END $$;
    """
}
