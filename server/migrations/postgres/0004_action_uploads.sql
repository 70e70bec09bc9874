-- `actions.csv` uploads change the draft too.
ALTER TABLE draft_changes DROP CONSTRAINT draft_changes_kind_check;
ALTER TABLE draft_changes ADD CONSTRAINT draft_changes_kind_check
    CHECK (kind IN ('observations', 'catalogue', 'areas', 'actions'));
