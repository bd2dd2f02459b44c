-- Retention now removes the place keys of the tickets it erases; remove those of tickets erased before.
delete from repeat_place_key k using ticket t where t.id = k.ticket_id and t.personal_data_erased_at is not null;
