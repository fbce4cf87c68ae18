/**
 * Who is calling: the SigV4 credential scope of a request ({@link io.tributary.http.auth.SigV4Credentials},
 * signatures not verified) and the access key's account ({@link io.tributary.http.auth.AccountResolver}).
 */
package io.tributary.http.auth;
