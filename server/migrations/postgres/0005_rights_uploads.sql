-- The rights files change the draft too: `groups.csv`, `districts.geojson`,
-- `recommendations.csv` and `qualitative.csv`.
ALTER TABLE draft_changes DROP CONSTRAINT draft_changes_kind_check;
ALTER TABLE draft_changes ADD CONSTRAINT draft_changes_kind_check
    CHECK (kind IN ('observations', 'catalogue', 'areas', 'actions',
        'groups', 'districts', 'recommendations', 'qualitative'));
