package org.solidarityhub.test;

import org.solidarityhub.platform.BusyApi;
import org.solidarityhub.platform.FrontCacheProbe;
import org.solidarityhub.platform.PageCacheProbe;
import org.solidarityhub.staff.StaffFixture;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What every WebTest context adds: a clock tests can move, the staff fixture, an API that fails as a busy site, a
 * page that counts its renders, and the addresses the front cache test counts requests at.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({StaffFixture.class, BusyApi.class, PageCacheProbe.class, FrontCacheProbe.class})
public class TestBeans {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
