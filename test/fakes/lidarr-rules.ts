/**
 * The fake Lidarr's validation: what its controllers refuse with a 400 FluentValidation array
 * (Lidarr.Http/ErrorManagement/LidarrErrorPipeline.cs), rule by rule from the source.
 * Paths name files in Lidarr/Lidarr's src/, NzbDrone.Core/ left out.
 */
import type { FakeRequest, FakeResponse } from './fake-http.js';
import { FakeServarr, failure, notEmpty, type ValidationFailure } from './servarr.js';

type Json = Record<string, unknown>;

export abstract class LidarrRules extends FakeServarr {
  protected abstract albumExists(foreignAlbumId: string): boolean;
  protected abstract artistExists(mbid: string): boolean;
  protected abstract metadataProfileExists(id: unknown): boolean;

  /** Lidarr.Api.V1/Artist/ArtistController.cs: its SharedValidator and PostValidator. */
  protected artistPostRules(req: FakeRequest): FakeResponse | undefined {
    const b = req.body as Json;
    const mbid = b.foreignArtistId;
    return this.refuse(req, [
      notEmpty('ArtistName', 'Artist Name', b.artistName),
      notEmpty('ForeignArtistId', 'Foreign Artist Id', mbid),
      typeof mbid === 'string' && this.artistExists(mbid)
        ? failure('ForeignArtistId', 'This artist has already been added.', mbid, 'ArtistExistsValidator')
        : undefined,
      this.qualityProfileRule('QualityProfileId', b.qualityProfileId),
      ...this.metadataProfileRules('MetadataProfileId', b.metadataProfileId),
      b.path ? undefined : this.rootFolderRule('RootFolderPath', b.rootFolderPath),
    ]);
  }

  /**
   * Lidarr.Api.V1/Albums/AlbumController.cs PostValidator: the album must not be in the database
   * (Validation/Paths/AlbumExistsValidator.cs), whatever its monitored state, and the artist part
   * is checked every time, even when the artist is in the library already.
   */
  protected albumPostRules(req: FakeRequest): FakeResponse | undefined {
    const b = req.body as Json;
    const artist = b.artist as Json | null | undefined;
    const rg = b.foreignAlbumId;
    const failures: (ValidationFailure | undefined)[] = [
      notEmpty('ForeignAlbumId', 'Foreign Album Id', rg),
      typeof rg === 'string' && this.albumExists(rg)
        ? failure('ForeignAlbumId', 'This album has already been added.', rg, 'AlbumExistsValidator')
        : undefined,
    ];
    if (!artist) failures.push(failure('Artist', "'Artist' must not be empty.", null, 'NotNullValidator'));
    else {
      failures.push(
        notEmpty('Artist.ForeignArtistId', 'Foreign Artist Id', artist.foreignArtistId),
        this.qualityProfileRule('Artist.QualityProfileId', artist.qualityProfileId),
        ...this.metadataProfileRules('Artist.MetadataProfileId', artist.metadataProfileId),
        artist.path ? undefined : this.rootFolderRule('Artist.RootFolderPath', artist.rootFolderPath),
      );
    }
    return this.refuse(req, failures);
  }

  /** Lidarr.Api.V1/Commands/CommandController.cs: `name` NotBlank (Lidarr.Http RuleBuilderExtensions). */
  protected commandNameRule(name: unknown): FakeResponse | undefined {
    const blank = typeof name !== 'string' || name.trim() === '';
    return blank
      ? this.invalid([failure('Name', "'Name' must not be empty.", name ?? null, 'NotEmptyValidator')])
      : undefined;
  }

  /**
   * Music/Services/AddArtistService.cs and AddAlbumService.cs AddSkyhookData: the metadata server
   * does not know the id. A ValidationFailure built without an error code, so none is sent.
   */
  protected unknownToMetadataServer(req: FakeRequest, what: 'artist' | 'album', id: unknown): FakeResponse {
    const errorMessage = `An ${what} with this ID was not found`;
    return this.logged(req, {
      status: 400,
      body: [{ propertyName: 'MusicbrainzId', errorMessage, attemptedValue: id, severity: 'error' }],
    });
  }

  /**
   * ValidId (Lidarr.Http RuleBuilderExtensions: greater than 0), and, as a separate rule,
   * Validation/MetadataProfileExistsValidator.cs (which lets 0 through).
   */
  private metadataProfileRules(prop: string, id: unknown): (ValidationFailure | undefined)[] {
    const value = typeof id === 'number' ? id : 0;
    return [
      value > 0
        ? undefined
        : failure(prop, "'Metadata Profile Id' must be greater than '0'.", value, 'GreaterThanValidator'),
      value === 0 || this.metadataProfileExists(value)
        ? undefined
        : failure(prop, 'Metadata profile does not exist', value, 'MetadataProfileExistsValidator'),
    ];
  }

  private refuse(req: FakeRequest, failures: (ValidationFailure | undefined)[]): FakeResponse | undefined {
    return failures.some(Boolean) ? this.logged(req, this.invalid(failures)) : undefined;
  }
}
