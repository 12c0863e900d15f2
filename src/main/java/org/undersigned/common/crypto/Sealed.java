package org.undersigned.common.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps a personal-data field to its AES-GCM sealed column; the entity only sees clear text. */
@Converter
public class Sealed implements AttributeConverter<String, byte[]> {

  @Override
  public byte[] convertToDatabaseColumn(String attribute) {
    return attribute == null ? null : ContactCipher.current().seal(attribute);
  }

  @Override
  public String convertToEntityAttribute(byte[] column) {
    return column == null ? null : ContactCipher.current().open(column);
  }
}
