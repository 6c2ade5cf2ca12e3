package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.workflows.borrower.CompanyProfile;
import dev.avance.workflows.borrower.IdentifierType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EligibilityTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
  private static final String SIREN = "552100554";

  private static CompanyProfile eligible() {
    return new CompanyProfile(
        true, "Acme", "SAS", true, LocalDate.of(2015, 6, 1), 100_000_000L, false, false);
  }

  private static CompanyProfile with(
      boolean found,
      boolean commercial,
      boolean insolvent,
      boolean struckOff,
      LocalDate createdOn) {
    return new CompanyProfile(
        found, "Acme", "SAS", commercial, createdOn, 100_000_000L, insolvent, struckOff);
  }

  @Test
  void anEstablishedCommercialCompanyIsEligible() {
    assertThat(Eligibility.refusal(eligible(), IdentifierType.SIREN, SIREN, TODAY)).isEmpty();
  }

  @Test
  void notFound() {
    CompanyProfile unknown = new CompanyProfile(false, null, null, false, null, 0, false, false);
    assertThat(Eligibility.refusal(unknown, IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.COMPANY_NOT_FOUND);
  }

  @Test
  void notCommercial() {
    CompanyProfile association = with(true, false, false, false, LocalDate.of(2000, 1, 1));
    assertThat(Eligibility.refusal(association, IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.NOT_COMMERCIAL_COMPANY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678Z", "X1234567L", "Y1234567X", "Z1234567R"})
  void aSpanishPersonIsNotACommercialCompanyEvenIfTheRegistrySaysSo(String nif) {
    assertThat(Eligibility.refusal(eligible(), IdentifierType.NIF, nif, TODAY))
        .contains(Eligibility.NOT_COMMERCIAL_COMPANY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"A28015865", "B-82.846.825", "Q2826000H"})
  void aSpanishCifIsACompany(String cif) {
    assertThat(Eligibility.refusal(eligible(), IdentifierType.NIF, cif, TODAY)).isEmpty();
  }

  @Test
  void onlyNifsAreCheckedForPersons() {
    // "12345678Z" would be a person as a NIF; as a KvK-like value it says nothing about the kind.
    assertThat(Eligibility.refusal(eligible(), IdentifierType.KVK, "12345678", TODAY)).isEmpty();
  }

  @Test
  void insolvent() {
    CompanyProfile profile = with(true, true, true, false, LocalDate.of(2000, 1, 1));
    assertThat(Eligibility.refusal(profile, IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.INSOLVENT);
  }

  @Test
  void struckOff() {
    CompanyProfile profile = with(true, true, false, true, LocalDate.of(2000, 1, 1));
    assertThat(Eligibility.refusal(profile, IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.STRUCK_OFF);
  }

  @Test
  void sixMonthsIsThePublishedMinimum() {
    assertThat(Eligibility.MIN_COMPANY_AGE_MONTHS).isEqualTo(6);
  }

  @Test
  void tooYoungUntilExactlySixMonthsOld() {
    LocalDate sixMonthsAgo = TODAY.minusMonths(6);
    assertThat(sixMonthsAgo).isEqualTo(LocalDate.of(2025, 9, 15));
    assertThat(refusalForCreation(sixMonthsAgo)).isEmpty();
    assertThat(refusalForCreation(sixMonthsAgo.minusDays(1))).isEmpty();
    assertThat(refusalForCreation(sixMonthsAgo.plusDays(1)))
        .contains(Eligibility.COMPANY_TOO_YOUNG);
    assertThat(refusalForCreation(TODAY.minusMonths(3))).contains(Eligibility.COMPANY_TOO_YOUNG);
    assertThat(refusalForCreation(TODAY)).contains(Eligibility.COMPANY_TOO_YOUNG);
  }

  @Test
  void aCreationDateInTheFutureIsTooYoung() {
    assertThat(refusalForCreation(TODAY.plusDays(1))).contains(Eligibility.COMPANY_TOO_YOUNG);
  }

  @Test
  void sixMonthsFollowsTheCalendarAtMonthEnds() {
    // 31 August minus 6 months is 28 February: a company created that day is old enough.
    LocalDate today = LocalDate.of(2026, 8, 31);
    CompanyProfile created28Feb = with(true, true, false, false, LocalDate.of(2026, 2, 28));
    CompanyProfile created1Mar = with(true, true, false, false, LocalDate.of(2026, 3, 1));
    assertThat(Eligibility.refusal(created28Feb, IdentifierType.SIREN, SIREN, today)).isEmpty();
    assertThat(Eligibility.refusal(created1Mar, IdentifierType.SIREN, SIREN, today))
        .contains(Eligibility.COMPANY_TOO_YOUNG);
  }

  @Test
  void anUnknownCreationDateIsTooYoung() {
    assertThat(refusalForCreation(null)).contains(Eligibility.COMPANY_TOO_YOUNG);
  }

  @Test
  void checksRunInTheDocumentedOrder() {
    LocalDate young = TODAY.minusMonths(1);
    assertThat(
            Eligibility.refusal(
                with(false, false, true, true, young), IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.COMPANY_NOT_FOUND);
    assertThat(
            Eligibility.refusal(
                with(true, false, true, true, young), IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.NOT_COMMERCIAL_COMPANY);
    assertThat(Eligibility.refusal(eligible(), IdentifierType.NIF, "12345678Z", TODAY))
        .contains(Eligibility.NOT_COMMERCIAL_COMPANY);
    assertThat(
            Eligibility.refusal(
                with(true, true, true, true, young), IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.INSOLVENT);
    assertThat(
            Eligibility.refusal(
                with(true, true, false, true, young), IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.STRUCK_OFF);
    assertThat(
            Eligibility.refusal(
                with(true, true, false, false, young), IdentifierType.SIREN, SIREN, TODAY))
        .contains(Eligibility.COMPANY_TOO_YOUNG);
  }

  @Test
  void aSpanishPersonIsRefusedBeforeInsolvency() {
    CompanyProfile insolvent = with(true, true, true, false, LocalDate.of(2000, 1, 1));
    assertThat(Eligibility.refusal(insolvent, IdentifierType.NIF, "12345678Z", TODAY))
        .contains(Eligibility.NOT_COMMERCIAL_COMPANY);
  }

  @Test
  void reasonCodesAreTheirOwnNames() {
    assertThat(Eligibility.COMPANY_NOT_FOUND).isEqualTo("COMPANY_NOT_FOUND");
    assertThat(Eligibility.NOT_COMMERCIAL_COMPANY).isEqualTo("NOT_COMMERCIAL_COMPANY");
    assertThat(Eligibility.INSOLVENT).isEqualTo("INSOLVENT");
    assertThat(Eligibility.STRUCK_OFF).isEqualTo("STRUCK_OFF");
    assertThat(Eligibility.COMPANY_TOO_YOUNG).isEqualTo("COMPANY_TOO_YOUNG");
  }

  @Test
  void refusesMissingArguments() {
    assertThatThrownBy(() -> Eligibility.refusal(null, IdentifierType.SIREN, SIREN, TODAY))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Eligibility.refusal(eligible(), IdentifierType.SIREN, SIREN, null))
        .isInstanceOf(NullPointerException.class);
  }

  private static java.util.Optional<String> refusalForCreation(LocalDate createdOn) {
    return Eligibility.refusal(
        with(true, true, false, false, createdOn), IdentifierType.SIREN, SIREN, TODAY);
  }
}
