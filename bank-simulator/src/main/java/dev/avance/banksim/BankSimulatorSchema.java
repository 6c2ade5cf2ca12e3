package dev.avance.banksim;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The simulator's schema, {@code banksim}, migrated by its own Flyway (own history table, own
 * migrations under {@code db/banksim}) so that it never mixes with Avance's migrations. No Flyway
 * bean is exposed: Spring Boot's Flyway auto-configuration, which migrates Avance's schema, backs
 * off when it sees one.
 */
public final class BankSimulatorSchema {
  public static final String SCHEMA = "banksim";

  private BankSimulatorSchema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure(BankSimulatorSchema.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table("banksim_schema_history")
        .locations("classpath:db/banksim")
        .load()
        .migrate();
  }
}
