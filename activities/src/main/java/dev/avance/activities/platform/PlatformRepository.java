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

  /** A platform with who pays its loans' interest: AUTO, PLATFORM or BORROWER. */
  public record PlatformSettings(String id, String name, String feesPayer) {}

  public Optional<PlatformSettings> settings(String id) {
    return jdbc.sql("select id, name, fees_payer from platforms where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new PlatformSettings(
                    rs.getString("id"), rs.getString("name"), rs.getString("fees_payer")))
        .optional();
  }

  /** Who pays the interest from the next billing run on; true if the platform exists. */
  public boolean setFeesPayer(String id, String feesPayer) {
    return jdbc.sql("update platforms set fees_payer = :payer where id = :id")
            .param("payer", feesPayer)
            .param("id", id)
            .update()
        == 1;
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
