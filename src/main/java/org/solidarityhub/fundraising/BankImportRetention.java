package org.solidarityhub.fundraising;

import java.time.Duration;

import org.solidarityhub.submissions.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bank exports name payers: an upload or preview that no treasurer confirmed within two days is erased with its
 * file, lines and report by the hourly retention job. (A confirmed import keeps its lines, without the file.)
 */
@Configuration(proxyBeanMethods = false)
class BankImportRetention {

    static final Duration ABANDONED_AFTER = Duration.ofDays(2);

    @Bean
    RetentionRule fundraisingAbandonedImports(BankImportStore store) {
        return new RetentionRule("fundraising.abandoned-imports", "bank exports uploaded and never imported, with their previews",
                ABANDONED_AFTER, store::deleteAbandoned);
    }
}
