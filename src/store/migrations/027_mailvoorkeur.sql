-- 027: each person chooses whether their messages also come by mail
-- (issue 18; docs/berichten.md §2). 1: yes (the default), 0: only in the
-- message box. Password reset mails always go.
-- @common
ALTER TABLE gebruiker ADD COLUMN berichten_mailen INTEGER NOT NULL DEFAULT 1 CHECK (berichten_mailen IN (0, 1));
