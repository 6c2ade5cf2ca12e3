package dev.avance.api.loan;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DelinquencyDaysProperties.class)
class LoanConfiguration {}
