package io.opencommerce.orders.domain;

import io.opencommerce.contracts.orders.PostalAddress;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps an order's address copy as one JSON column: it is read whole and never queried. */
@Converter
public class PostalAddressConverter implements AttributeConverter<PostalAddress, String> {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(PostalAddress address) {
    return address == null ? null : JSONB.toJson(address);
  }

  @Override
  public PostalAddress convertToEntityAttribute(String json) {
    return json == null ? null : JSONB.fromJson(json, PostalAddress.class);
  }
}
