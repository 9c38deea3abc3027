package io.opencommerce.kit.web;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one client address, and one account, may call the annotated resource methods:
 * past the limit the answer is 429 {@code rate-limited} with {@code Retry-After} (the seconds until
 * the window frees), before any of the request's work, counted in {@code
 * requests_limited_total{limit,by}} ({@code by} is {@code address} or {@code account}). Put it on
 * what an attacker would repeat: logins, registrations, password resets, public lookups.
 *
 * <p>A limit is written {@code <requests>/<window>}, the window an ISO-8601 duration: {@code
 * 20/PT1M} is 20 requests a minute, {@code 3/PT1H} three an hour; {@code off} (or nothing) is no
 * limit. The annotation gives the defaults; configuration overrides them per limit name:
 *
 * <ul>
 *   <li>{@code platform.rate-limits.<name>.per-address} — requests from one client address (the
 *       address {@link RequestContext#remoteAddress} resolves behind {@code
 *       platform.trusted-proxies}; an IPv6 client counts by its /64 network);
 *   <li>{@code platform.rate-limits.<name>.per-account} — requests for one account, named by {@link
 *       #account}.
 * </ul>
 *
 * Counting is in Redis, in fixed windows ({@link io.opencommerce.kit.redis.WindowCounter}), shared
 * by the service's replicas; keys are {@code oc:rate:<service>:<name>:addr:<address>} and {@code
 * …:acct:<SHA-256 of the account>} (an e-mail is never stored in clear). Without Redis the limit is
 * not applied and the request goes on (counted in {@code rate_limit_failures_total{limit,by}}, one
 * warning a minute): a Redis outage must not stop customers from logging in.
 *
 * <p>The per-address limit is checked by {@link RateLimitFilter} before the request body is read;
 * the per-account one by {@link RateLimitInterceptor} once the body is read and valid, and before
 * the method's work (and before {@link Admission}, so a refused request never takes a slot).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
  /** {@link #account}: the signed-in caller (the token's subject). */
  String CALLER = "caller";

  /** The limit's name in configuration and metrics; methods naming the same limit share it. */
  @Nonbinding
  String value();

  /** Requests per window from one client address, by default; empty: none. */
  @Nonbinding
  String perAddress() default "";

  /** Requests per window for one account, by default; empty: none. */
  @Nonbinding
  String perAccount() default "";

  /**
   * Where the account comes from: {@code body.<component>}, a text component of the request body's
   * record ({@code body.email}; compared without case and surrounding blanks), or {@link #CALLER}.
   * Empty: the limit has no per-account part, whatever the configuration says. A request without
   * the value (a blank e-mail, an anonymous caller) is not counted per account.
   */
  @Nonbinding
  String account() default "";
}
