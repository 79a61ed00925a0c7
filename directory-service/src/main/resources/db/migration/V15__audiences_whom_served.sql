-- Audiences say whom an organisation serves (routing's hotline.routing.audiences rules decide which contacts each
-- admits): families of youth and two kinds of survivors join youth and law enforcement only.
INSERT INTO taxonomy_term (id, taxonomy_id, code, name, description) VALUES
    ('7a0c0002-0000-4000-8000-000000000003', '7a0c0000-0000-4000-8000-000000000002', 'FAMILIES_OF_YOUTH',
     'Families of youth', 'Parents, families and other concerned adults calling about a young person.'),
    ('7a0c0002-0000-4000-8000-000000000004', '7a0c0000-0000-4000-8000-000000000002', 'SURVIVORS_OF_DOMESTIC_VIOLENCE',
     'Survivors of domestic violence', 'Survivors of domestic or intimate-partner violence.'),
    ('7a0c0002-0000-4000-8000-000000000005', '7a0c0000-0000-4000-8000-000000000002', 'SURVIVORS_OF_SEXUAL_VIOLENCE',
     'Survivors of sexual violence', 'Survivors of sexual violence.');
UPDATE taxonomy_term SET name = 'Youth', description = 'Young people, up to the age the audience rule admits.'
 WHERE taxonomy_id = '7a0c0000-0000-4000-8000-000000000002' AND code = 'YOUTH';

ALTER TABLE organization DROP CONSTRAINT organization_audiences_known;
ALTER TABLE organization ADD CONSTRAINT organization_audiences_known
    CHECK (audiences <@ ARRAY['YOUTH', 'FAMILIES_OF_YOUTH', 'LAW_ENFORCEMENT_ONLY', 'SURVIVORS_OF_DOMESTIC_VIOLENCE',
                              'SURVIVORS_OF_SEXUAL_VIOLENCE']);
