//! Query and path extractors whose rejections are our calm pages, not axum's plain text.

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A query string; one that does not parse (a field twice, bad encoding) is a 400 page.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(t)| Params(t))
            .map_err(|_| AppError::BadRequest("malformed query"))
    }
}

/// One path segment, as text or as what it deserializes to (a typed id); one that does
/// not decode or does not parse is simply not found. Path extractors run before a form
/// body's, so a malformed id is not found whatever the body holds.
pub struct Segment<T = String>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Segment<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(t)| Segment(t))
            .map_err(|_| AppError::NotFound)
    }
}

/// Two path segments in order, each as what it deserializes to; ones that do not decode
/// or do not parse are simply not found.
pub struct Segments<A, B>(pub A, pub B);

impl<S, A, B> FromRequestParts<S> for Segments<A, B>
where
    S: Send + Sync,
    A: DeserializeOwned + Send,
    B: DeserializeOwned + Send,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        Path::<(A, B)>::from_request_parts(parts, state)
            .await
            .map(|Path((a, b))| Segments(a, b))
            .map_err(|_| AppError::NotFound)
    }
}
