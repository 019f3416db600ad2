-- Names found ignoring case, by index, on a large database.
-- The caseworkers and teams the case events have named (known_people.h): a --caseworker or
-- --team filter, and a reassignment, is checked against them, past holders included (a queue
-- as of an earlier date shows the case as it stood then).
CREATE INDEX events_caseworkers ON events (json_extract(payload, '$.caseworker') COLLATE NOCASE)
  WHERE type IN ('case_opened', 'caseworker_assigned');
CREATE INDEX events_teams ON events (json_extract(payload, '$.team') COLLATE NOCASE)
  WHERE type IN ('case_opened', 'caseworker_assigned');
-- The web search (CaseStore::search): a reference or UPN whatever its case, and the start of a
-- child's name, given or family, within a team.
CREATE INDEX cases_by_ref_nocase ON cases (case_ref COLLATE NOCASE);
CREATE INDEX cases_by_upn_nocase ON cases (upn COLLATE NOCASE) WHERE upn IS NOT NULL;
CREATE INDEX cases_by_team_full_name
  ON cases (team, (given_name || ' ' || family_name) COLLATE NOCASE);
CREATE INDEX cases_by_team_family_name ON cases (team, family_name COLLATE NOCASE);
