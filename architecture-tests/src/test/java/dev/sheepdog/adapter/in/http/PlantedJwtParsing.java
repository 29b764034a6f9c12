package dev.sheepdog.adapter.in.http;

import com.nimbusds.jwt.SignedJWT;

/** Planted violation: the HTTP adapter parsing user tokens itself. */
public class PlantedJwtParsing {
    SignedJWT token;
}
