-- The change feed keeps no applicant's identity: a card's entry is stored without it and the pull joins
-- the identity the card has now (central/feed/feedRepository.ts). Entries written before lose theirs here.
update changes set payload = jsonb_set(payload, '{applicant}', 'null'::jsonb)
  where entity = 'card' and payload -> 'applicant' is not null and payload -> 'applicant' <> 'null'::jsonb;
