-- News of store changes for a fleet: every write to the provider keys or to the route state tells the
-- gateways listening on sheepdog_store_changes which store changed (PostgresStoreChanges), once per
-- statement, at commit. The payload is the name of a StoreChanges.Topic.
CREATE FUNCTION sheepdog_store_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sheepdog_store_changes', TG_ARGV[0]);
    RETURN NULL;
END;
$$;

CREATE TRIGGER provider_keys_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_keys
    FOR EACH STATEMENT EXECUTE FUNCTION sheepdog_store_changed('keys');

CREATE TRIGGER route_state_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON route_state
    FOR EACH STATEMENT EXECUTE FUNCTION sheepdog_store_changed('routes');
