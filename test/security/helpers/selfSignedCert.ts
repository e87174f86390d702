/**
 * A self-signed certificate for 127.0.0.1 (and its key), made for these tests only and valid for a hundred years: an https
 * endpoint whose certificate no authority vouches for. It protects nothing.
 */
export const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgwDTpz2REXDTRr2IV
QT4GsJlkrMKrlKn28hRZ+rmZF+ihRANCAATE0UGKO+aEkdtCRLeEby7CiTODk010
k7c7S0k6i+hED+iViLEqLM7H5WDXhkXflOwnkZcjwCnxio4evZmTQeqY
-----END PRIVATE KEY-----
`;

export const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUBsF9VSnv90JnCTqZW3Qj5LHmM3gwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNTAzMjUwNVoYDzIxMjYxMTAx
MDMyNTA1WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATE0UGKO+aEkdtCRLeEby7CiTODk010k7c7S0k6i+hED+iViLEqLM7H
5WDXhkXflOwnkZcjwCnxio4evZmTQeqYo28wbTAdBgNVHQ4EFgQU3ZNCDoKlthh4
e3gqUCVyyjFzlNswHwYDVR0jBBgwFoAU3ZNCDoKlthh4e3gqUCVyyjFzlNswDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDSQAwRgIhANODtBwZ7OjJlAglAoZ9fPofxr3k60jlPQ7wrr5onbA3AiEA
8TVbAlSUBFLhFXFebqaBp71TYBaniFN0N5ERkYH6wT4=
-----END CERTIFICATE-----
`;
