<?xml version="1.0" encoding="UTF-8"?>
<!-- What the entity list (entities.xsl) and an entry's own page (entity.xsl) show of an
     authority entry: its preferred names, role, dates (birth, death, floruit), every other
     spelling, its Wikidata and VIAF ids (links, when they are ids), a place's coordinates
     (with a link to them on OpenStreetMap). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:import href="../common/messages.xsl"/>
  <xsl:import href="../common/links.xsl"/>

  <!-- The page of an entry: person-stalin.html, place-kaesong.html, org-….html. -->
  <xsl:template name="entry-page">
    <xsl:param name="entry" select="."/>
    <xsl:value-of select="concat(local-name($entry), '-', $entry/@xml:id, '.html')"/>
  </xsl:template>

  <xsl:template name="entry-name">
    <xsl:value-of select="*[@type='preferred'][@xml:lang='en']"/>
    <xsl:if test="*[@type='preferred'][@xml:lang='ru']">
      <xsl:text> · </xsl:text><span lang="ru"><xsl:value-of select="*[@type='preferred'][@xml:lang='ru']"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="entry-details">
    <xsl:if test="tei:occupation"><p class="role"><xsl:value-of select="tei:occupation"/></p></xsl:if>
    <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName"/>
    <xsl:variable name="forms" select="$names[@type != 'preferred' or (@xml:lang != 'en' and @xml:lang != 'ru')]"/>
    <xsl:if test="$forms">
      <p class="forms"><xsl:call-template name="msg"><xsl:with-param name="key">entry.also-written</xsl:with-param></xsl:call-template><xsl:text>&#10;        </xsl:text>
        <xsl:for-each select="$forms">
          <xsl:if test="position() > 1">, </xsl:if>
          <span lang="{@xml:lang}" class="form {@type}"><xsl:value-of select="."/></span>
          <xsl:if test="@type = 'codename'"> (<xsl:call-template name="msg"><xsl:with-param name="key">entry.codename</xsl:with-param></xsl:call-template>)</xsl:if>
          <xsl:if test="@type = 'ocr'"> (<xsl:call-template name="msg"><xsl:with-param name="key">entry.ocr</xsl:with-param></xsl:call-template>)</xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
    <xsl:call-template name="entry-dates"/>
    <xsl:for-each select="tei:idno[@type='wikidata'][1]">
      <xsl:variable name="id" select="normalize-space(.)"/>
      <p class="authority wikidata"><xsl:call-template name="msg"><xsl:with-param name="key">entry.wikidata</xsl:with-param></xsl:call-template><xsl:text> </xsl:text>
        <xsl:choose>
          <!-- a link only for an id (Q and digits): the data never makes the URL -->
          <xsl:when test="starts-with($id, 'Q') and string-length($id) > 1 and translate(substring($id, 2), '0123456789', '') = ''">
            <xsl:call-template name="web-link"><xsl:with-param name="url" select="concat('https://www.wikidata.org/wiki/', $id)"/><xsl:with-param name="label" select="$id"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:for-each>
    <xsl:for-each select="tei:idno[@type='VIAF' or @type='viaf'][1]">
      <xsl:variable name="id" select="normalize-space(.)"/>
      <p class="authority viaf"><xsl:call-template name="msg"><xsl:with-param name="key">entry.viaf</xsl:with-param></xsl:call-template><xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$id != '' and translate($id, '0123456789', '') = ''">
            <xsl:call-template name="web-link"><xsl:with-param name="url" select="concat('https://viaf.org/viaf/', $id)"/><xsl:with-param name="label" select="$id"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:for-each>
    <xsl:for-each select="tei:location/tei:geo[1]">
      <!-- "lat lon" in decimal degrees (TEI's default); numbers only reach the URL -->
      <xsl:variable name="geo" select="normalize-space(.)"/>
      <xsl:variable name="lat" select="number(substring-before($geo, ' '))"/>
      <xsl:variable name="lon" select="number(substring-after($geo, ' '))"/>
      <p class="coordinates"><xsl:call-template name="msg"><xsl:with-param name="key">entry.coordinates</xsl:with-param></xsl:call-template><xsl:text> </xsl:text>
        <span class="geo"><xsl:value-of select="$geo"/></span>
        <xsl:if test="$lat = $lat and $lon = $lon and $lat >= -90 and 90 >= $lat and $lon >= -180 and 180 >= $lon">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="web-link">
            <xsl:with-param name="url" select="concat('https://www.openstreetmap.org/?mlat=', $lat, '&amp;mlon=', $lon, '#map=10/', $lat, '/', $lon)"/>
            <xsl:with-param name="label"><xsl:call-template name="msg"><xsl:with-param name="key">entry.map</xsl:with-param></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- A person's birth and death, or the years an entry was active (floruit): as the
       authority gives them, its words or else its normalised date. -->
  <xsl:template name="entry-dates">
    <xsl:variable name="dates" select="tei:birth | tei:death | tei:floruit"/>
    <xsl:if test="$dates">
      <p class="dates">
        <xsl:for-each select="$dates">
          <xsl:if test="position() > 1">; </xsl:if>
          <xsl:variable name="when">
            <xsl:choose>
              <xsl:when test="normalize-space(.)"><xsl:value-of select="normalize-space(.)"/></xsl:when>
              <xsl:when test="@when"><xsl:value-of select="@when"/></xsl:when>
              <xsl:when test="@from or @to"><xsl:value-of select="concat(@from, '–', @to)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat(@notBefore, '–', @notAfter)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <span class="{local-name()}">
            <xsl:choose>
              <xsl:when test="self::tei:birth"><xsl:call-template name="msg"><xsl:with-param name="key">entry.born</xsl:with-param><xsl:with-param name="p1" select="$when"/></xsl:call-template></xsl:when>
              <xsl:when test="self::tei:death"><xsl:call-template name="msg"><xsl:with-param name="key">entry.died</xsl:with-param><xsl:with-param name="p1" select="$when"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">entry.active</xsl:with-param><xsl:with-param name="p1" select="$when"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </span>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
