package org.solidarityhub.test;

import java.util.List;

import org.solidarityhub.platform.BusyApi;
import org.solidarityhub.platform.FrontCacheProbe;
import org.solidarityhub.platform.PageCacheProbe;
import org.solidarityhub.staff.StaffFixture;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

    /**
     * S3Proxy (the S3 API server of the media tests) brings Jackson's XML module onto the test classpath only; Spring
     * MVC would then answer XML where the app in production answers JSON. The tests' app has the production converters.
     */
    @Bean
    WebMvcConfigurer productionMessageConverters() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(converter -> converter.getClass().getSimpleName().contains("Xml"));
            }
        };
    }
}
