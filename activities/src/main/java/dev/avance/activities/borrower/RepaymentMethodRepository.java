package dev.avance.activities.borrower;

import dev.avance.workflows.borrower.PaymentMethod;
import dev.avance.workflows.borrower.RepaymentMethodView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RepaymentMethodRepository {
  private static final String COLUMNS =
      "id, borrower_id, payment_method, status, is_default, iban, bic, business_email,"
          + " representative_birth_date, representative_nationality,"
          + " representative_country_of_residence, mandate_reference, mandate_signed_at,"
          + " apply_to_all_active_loans, name, created_at";

  private final JdbcClient jdbc;

  public RepaymentMethodRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts unless the id exists; the caller holds the transaction. */
  public void insertIfAbsent(RepaymentMethodView m, String platformId) {
    jdbc.sql(
            """
            insert into repayment_methods (id, borrower_id, platform_id, payment_method, status,
                is_default, iban, bic, business_email, representative_birth_date,
                representative_nationality, representative_country_of_residence,
                mandate_reference, mandate_signed_at, apply_to_all_active_loans, name,
                created_at, updated_at)
            values (:id, :borrower, :platform, :method, :status, :isDefault, :iban, :bic, :email,
                :birth, :nationality, :residence, :mandate, :mandateAt, :applyAll, :name,
                :at, :at)
            on conflict (id) do nothing
            """)
        .param("id", m.id())
        .param("borrower", m.borrowerId())
        .param("platform", platformId)
        .param("method", m.paymentMethod().name())
        .param("status", m.status())
        .param("isDefault", m.isDefault())
        .param("iban", m.iban())
        .param("bic", m.bic())
        .param("email", m.businessEmail())
        .param(
            "birth",
            m.representativeBirthDate() == null ? null : Date.valueOf(m.representativeBirthDate()))
        .param("nationality", m.representativeNationality())
        .param("residence", m.representativeCountryOfResidence())
        .param("mandate", m.mandateReference())
        .param(
            "mandateAt", m.mandateSignedAt() == null ? null : Timestamp.from(m.mandateSignedAt()))
        .param("applyAll", m.applyToAllActiveLoans())
        .param("name", m.name())
        .param("at", Timestamp.from(m.createdAt()))
        .update();
  }

  /** Clears the default flag of the borrower's other methods. */
  public void clearDefault(String borrowerId, String exceptId) {
    jdbc.sql("update repayment_methods set is_default = false where borrower_id = :b and id <> :id")
        .param("b", borrowerId)
        .param("id", exceptId)
        .update();
  }

  public boolean hasAny(String borrowerId) {
    return jdbc.sql("select exists (select 1 from repayment_methods where borrower_id = :b)")
        .param("b", borrowerId)
        .query(Boolean.class)
        .single();
  }

  public Optional<RepaymentMethodView> findById(String id) {
    return jdbc.sql("select " + COLUMNS + " from repayment_methods where id = :id")
        .param("id", id)
        .query(RepaymentMethodRepository::map)
        .optional();
  }

  public List<RepaymentMethodView> findByBorrower(String platformId, String borrowerId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from repayment_methods where platform_id = :p and borrower_id = :b"
                + " order by created_at, id")
        .param("p", platformId)
        .param("b", borrowerId)
        .query(RepaymentMethodRepository::map)
        .list();
  }

  private static RepaymentMethodView map(ResultSet rs, int n) throws SQLException {
    Date birth = rs.getDate("representative_birth_date");
    Timestamp mandateAt = rs.getTimestamp("mandate_signed_at");
    return new RepaymentMethodView(
        rs.getString("id"),
        rs.getString("borrower_id"),
        PaymentMethod.valueOf(rs.getString("payment_method")),
        rs.getString("status"),
        rs.getBoolean("is_default"),
        rs.getString("iban"),
        rs.getString("bic"),
        rs.getString("business_email"),
        birth == null ? null : birth.toLocalDate(),
        rs.getString("representative_nationality"),
        rs.getString("representative_country_of_residence"),
        rs.getString("mandate_reference"),
        mandateAt == null ? null : mandateAt.toInstant(),
        rs.getBoolean("apply_to_all_active_loans"),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant());
  }
}
