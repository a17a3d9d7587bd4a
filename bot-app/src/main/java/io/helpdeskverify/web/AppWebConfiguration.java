package io.helpdeskverify.web;

import io.helpdeskverify.shared.AppProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The self-serve app's static files (from the jar: no CDN at run time) and its Content Security
 * Policy: nothing but this origin, no inline script or style, and only Firebase's two registration
 * hosts besides when web push is configured (the SDK asks them for the FCM token).
 */
@Configuration(proxyBeanMethods = false)
class AppWebConfiguration implements WebMvcConfigurer {

    /** Where the Firebase JS SDK gets an installation and registers the browser's push subscription. */
    static final String FIREBASE_HOSTS =
            " https://firebaseinstallations.googleapis.com https://fcmregistrations.googleapis.com";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // no-cache, not max-age: the service worker keeps the offline copy and revalidates it.
        registry.addResourceHandler("/app/**").addResourceLocations("classpath:/app/")
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> appSecurityHeaders(AppProperties app) {
        String policy = policy(app.webPushConfigured());
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", policy);
                response.setHeader("Referrer-Policy", "no-referrer");
                // No other page may hold a reference to the app's window.
                response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
                chain.doFilter(request, response);
            }
        };
        var bean = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        bean.addUrlPatterns("/app", "/app/*");
        bean.setName("appSecurityHeaders");
        return bean;
    }

    static String policy(boolean webPush) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src 'self'" + (webPush ? FIREBASE_HOSTS : "") + "; worker-src 'self'; manifest-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
