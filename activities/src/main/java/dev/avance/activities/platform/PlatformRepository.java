package dev.avance.activities.platform;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PlatformRepository {
  private final JdbcClient jdbc;

  public PlatformRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Platform> findByApiKey(String apiKey) {
    return jdbc.sql("select id, name from platforms where api_key_hash = :hash")
        .param("hash", ApiKeys.hash(apiKey))
        .query((rs, n) -> new Platform(rs.getString("id"), rs.getString("name")))
        .optional();
  }

  /** Creates the platform, or gives an existing one this key (the old key stops working). */
  public void upsert(String id, String name, String apiKey) {
    jdbc.sql(
            """
            insert into platforms (id, name, api_key_hash) values (:id, :name, :hash)
            on conflict (id) do update set name = excluded.name, api_key_hash = excluded.api_key_hash
            """)
        .param("id", id)
        .param("name", name)
        .param("hash", ApiKeys.hash(apiKey))
        .update();
  }
}
